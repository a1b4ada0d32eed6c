import { describe, expect, it } from 'vitest';
import { links } from '../../../workers/checks/links.js';
import { contextFor, type ContextOverrides } from './check-context.js';

const check = (body: string, policy: ContextOverrides['policy'] = {}) => links(contextFor(body, { policy }));
const codes = (body: string, policy: ContextOverrides['policy'] = {}) => check(body, policy)?.reasons?.map((r) => r.code);

describe('links check', () => {
  it('says nothing about a comment without links', () => {
    expect(check('Très bon article, merci.')).toBeUndefined();
  });

  it('lets one ordinary link through with a small spam score', () => {
    const result = check('Source : https://www.insee.fr/fr/statistiques');
    expect(result?.status).toBeUndefined();
    expect(result?.scores?.spam).toBeCloseTo(0.2);
  });

  it('holds a shortened link as url_shortener', () => {
    const result = check('Regardez bit.ly/3xYz');
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['url_shortener']);
    expect(result?.reasons?.[0]?.spans).toEqual([{ start: 9, end: 20 }]);
  });

  it('rejects a link to a blocked domain or one of its subdomains', () => {
    const policy = { blockedDomains: ['*.Spam-Site.com'] };
    expect(check('https://promo.spam-site.com/x', policy)?.status).toBe('rejected');
    expect(codes('voir spam-site.com/offre', policy)).toEqual(['blocked_domain']);
    expect(check('voir notspam-site.com/offre', policy)?.status).toBeUndefined();
  });

  it('holds more links than the site allows as too_many_links', () => {
    const body = 'a.com/1 b.com/2 c.com/3';
    expect(codes(body)).toEqual(['too_many_links']);
    expect(check(body, { maxLinks: 3 })?.status).toBeUndefined();
  });

  it('holds any link when the site holds links, as contains_link', () => {
    expect(codes('https://www.lemonde.fr', { holdLinks: true })).toEqual(['contains_link']);
  });

  it('catches a spelled-out domain', () => {
    expect(codes('allez sur spam-site dot com', { blockedDomains: ['spam-site.com'] })).toEqual(['blocked_domain']);
  });

  it('rejects when a blocked domain and a shortener both appear, listing every reason', () => {
    const result = check('spam.com/a bit.ly/b', { blockedDomains: ['spam.com'], holdLinks: true });
    expect(result?.status).toBe('rejected');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['blocked_domain', 'url_shortener', 'contains_link']);
  });

  it('scores a shortener higher as spam than an ordinary link', () => {
    expect(check('bit.ly/x')?.scores?.spam).toBeGreaterThan(check('lemonde.fr/x')?.scores?.spam ?? 1);
  });
});
