// The signing helper lives in src/ (the demo sends signed requests too); tests import it from here.
export * from '../../src/demo/signed-request.js';
