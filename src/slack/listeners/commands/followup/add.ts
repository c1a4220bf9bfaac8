import { addLead } from '../../../../db/ops/add-lead.js';
import { ensureRep } from '../../../../db/ops/ensure-rep.js';
import { parseAdd } from '../../../parse/add.js';
import { addedText } from '../../../ui/command-replies.js';
import { refuse, reply } from '../../../reply.js';
import type { Subcommand } from './context.js';

export const add: Subcommand = async (ctx) => {
  const parsed = parseAdd(ctx.args);
  if (!parsed.ok) return refuse(parsed.error, 'add');
  const args = parsed.value;
  const { db } = ctx.services.database;
  const ownerId = args.ownerId ?? ctx.userId;
  // R13: leads are given to another rep explicitly, by a manager.
  if (ownerId !== ctx.userId && !ctx.rep.isManager) return refuse('Only a manager can add a lead for another rep; leave out owner: to add it as yours.', 'add');
  // The owner may be a colleague not seen yet: they get a rep row now and a profile on first use.
  if (ownerId !== ctx.userId) await ensureRep(db, ctx.teamId, ownerId, null, ctx.now);
  const lead = await addLead(db, {
    teamId: ctx.teamId,
    ownerId,
    createdBy: ctx.userId,
    name: args.name,
    tier: args.tier,
    value: args.value,
    company: args.company,
    email: args.email,
    phone: args.phone,
    inbound: args.inbound,
    referredBy: args.referredBy,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  if (lead.alertOwner) ctx.services.notifyArrival?.(ctx.teamId, lead.id);
  return reply(addedText(lead, ctx.userId), { redraw: [ownerId] });
};
