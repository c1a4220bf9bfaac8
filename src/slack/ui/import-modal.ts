import type { ModalView } from '@slack/types';

export const IMPORT_MODAL = 'import_leads';
export const IMPORT_FILE = 'import_file';
export const IMPORT_OWNER = 'import_owner';
export const IMPORT_OPTIONS = 'import_options';
export const DRY_RUN_OPTION = 'dry_run';

/** `/followup import`: a CSV from a CRM export, who gets the rows that name no owner, and a dry run. */
export function importModal(managerId: string): ModalView {
  return {
    type: 'modal',
    callback_id: IMPORT_MODAL,
    title: { type: 'plain_text', text: 'Import leads' },
    submit: { type: 'plain_text', text: 'Import' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'A CSV export from HubSpot, Salesforce, Pipedrive or a spreadsheet, with a header row. Leads already here (same e-mail, or same owner and name) are updated, not doubled. The summary comes by DM.',
        },
      },
      {
        type: 'input',
        block_id: IMPORT_FILE,
        label: { type: 'plain_text', text: 'CSV file' },
        element: { type: 'file_input', action_id: IMPORT_FILE, filetypes: ['csv', 'txt'], max_files: 1 },
      },
      {
        type: 'input',
        block_id: IMPORT_OWNER,
        label: { type: 'plain_text', text: 'Owner of rows that name none' },
        element: { type: 'users_select', action_id: IMPORT_OWNER, initial_user: managerId },
      },
      {
        type: 'input',
        block_id: IMPORT_OPTIONS,
        optional: true,
        label: { type: 'plain_text', text: 'Options' },
        element: {
          type: 'checkboxes',
          action_id: IMPORT_OPTIONS,
          options: [{ value: DRY_RUN_OPTION, text: { type: 'plain_text', text: 'Dry run: show what would happen, write nothing' } }],
        },
      },
    ],
  };
}
