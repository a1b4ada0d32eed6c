import { describe, expect, it } from 'vitest';
import { deviceFlood } from '../../../workers/checks/device-flood.js';
import { inhumanRhythm } from '../../../workers/checks/inhuman-rhythm.js';
import { textCampaign } from '../../../workers/checks/text-campaign.js';
import { contextFor } from './check-context.js';

const body = 'Le gouvernement doit agir maintenant pour les routes du nord.';
const flooded = { established: false, newReader: true, deviceFlood: 'address' as const, newDevices: 42 };

describe('deviceFlood', () => {
  it('holds a brand-new reader from an address flooding with new device ids when no human compose time came with it', () => {
    const result = deviceFlood(contextFor(body, { arrival: flooded }));
    expect(result).toMatchObject({ status: 'held', reasons: [{ code: 'device_flood', check: 'deviceFlood' }] });
    expect(result?.reasons?.[0]?.message).toContain('42 new device ids from its address');
  });

  it('only flags a new reader whose SDK measured a human compose time', () => {
    const result = deviceFlood(contextFor(body, { arrival: { ...flooded, composeMs: 20_000 } }));
    expect(result?.status).toBeUndefined();
    expect(result?.reasons?.[0]?.code).toBe('device_flood');
  });

  it('names the /24 when the subnet floods', () => {
    expect(deviceFlood(contextFor(body, { arrival: { ...flooded, deviceFlood: 'subnet' } }))?.reasons?.[0]?.message).toContain('its /24');
  });

  it('says nothing of an established reader, or when no flood was seen', () => {
    expect(deviceFlood(contextFor(body, { arrival: { ...flooded, established: true, newReader: false } }))).toBeUndefined();
    expect(deviceFlood(contextFor(body, { arrival: { established: false, newReader: true } }))).toBeUndefined();
    expect(deviceFlood(contextFor(body))).toBeUndefined();
  });
});

describe('textCampaign', () => {
  it('holds a text that the policy number of authors posted within the hour', () => {
    const result = textCampaign(contextFor(body, { recent: { sameTextOtherAuthors1h: 4 } }));
    expect(result).toMatchObject({ status: 'held', reasons: [{ code: 'text_campaign' }] });
    expect(result?.reasons?.[0]?.message).toBe('5 authors posted this or a near-identical text in the last hour');
  });

  it('counts near-identical texts (same words) like identical ones', () => {
    expect(textCampaign(contextFor(body, { recent: { sameGroupOtherAuthors1h: 6 } }))?.status).toBe('held');
  });

  it('leaves a text fewer authors posted alone, and follows the site policy', () => {
    expect(textCampaign(contextFor(body, { recent: { sameTextOtherAuthors1h: 3 } }))).toBeUndefined();
    expect(textCampaign(contextFor(body, { recent: { sameTextOtherAuthors1h: 3 }, policy: { flood: { textCampaignAuthors: 3 } } }))?.status).toBe('held');
  });
});

describe('inhumanRhythm', () => {
  it('holds a comment sent sooner after its form opened than a person can write one', () => {
    const result = inhumanRhythm(contextFor(body, { arrival: { established: false, newReader: true, composeMs: 180 } }));
    expect(result).toMatchObject({ status: 'held', reasons: [{ code: 'inhuman_rhythm', message: 'Sent 180 ms after the form opened; a person needs at least 1500 ms' }] });
  });

  it('only flags an established reader, and ignores a comment with no compose time (an API client)', () => {
    expect(inhumanRhythm(contextFor(body, { arrival: { established: true, newReader: false, composeMs: 180 } }))?.status).toBeUndefined();
    expect(inhumanRhythm(contextFor(body, { arrival: { established: false, newReader: true } }))).toBeUndefined();
    expect(inhumanRhythm(contextFor(body, { arrival: { established: false, newReader: true, composeMs: 9000 } }))).toBeUndefined();
  });
});
