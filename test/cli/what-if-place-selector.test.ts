/**
 * Issue 11: `crr what-if --fail` takes place keys (`icb=QKS,type=firewall`) like any other
 * selector key, and refuses a place the register does not have with a did-you-mean.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';
import { TWO_ICBS } from '../support/two-icbs.js';


const register = tempRegister({ 'register.yaml': MINIMAL_MANIFEST + TWO_ICBS.replace(/^\n/, '') });
afterAll(register.cleanup);
const whatIf = (...fail: string[]) => runCli(['what-if', register.dir, ...fail.flatMap((f) => ['--fail', f]), '--format', 'json', '--as-of', '2026-11-21']);

describe('crr what-if --fail with a place selector', () => {
  it('fails exactly the firewalls of the ICB named by ODS code, and cuts only its practices', async () => {
    const r = await whatIf('icb=QKS,type=firewall');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toEqual([{ spec: 'icb=QKS,type=firewall', assets: ['K1/firewall', 'K2/firewall'] }]);
    expect(out.reach.patients).toBe(3000);
    expect(out.reach.byIcb.map((p: { id: string }) => p.id)).toEqual(['icb-km']);
  });

  it('fails the same by the ICB\'s id, in any case, and the concentrator through its hall', async () => {
    const byId = JSON.parse((await whatIf('icb=ICB-SX,type=firewall')).stdout);
    expect(byId.failed[0].assets).toEqual(['S1/firewall', 'S2/firewall']);
    const hall = JSON.parse((await whatIf('icb=qnx,type=vpn-concentrator')).stdout);
    expect(hall.failed[0].assets).toEqual(['vpn-sx']);
    const region = JSON.parse((await whatIf('region=Y59,type=vpn-*')).stdout);
    expect(region.failed[0].assets).toEqual(['vpn-km', 'vpn-sx']);
  });

  it('refuses an ICB the register does not have, with a did-you-mean (exit 2)', async () => {
    const r = await runCli(['what-if', register.dir, '--fail', 'icb=QSK,type=firewall', '--as-of', '2026-11-21']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('`icb=QSK,type=firewall` is not a valid selector: no ICB in the register has the ODS code or id `QSK`. Did you mean `QKS`?');
    expect(r.stderr).toContain('`icb=QKS`, `icb=QNX`');
  });

  it('accepts the place keys before reading the register, and refuses a misspelt key with a did-you-mean', async () => {
    const r = await runCli(['what-if', register.dir, '--fail', 'icbb=QKS']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`icbb` is not a selector key. Did you mean `icb`?');
  });
});
