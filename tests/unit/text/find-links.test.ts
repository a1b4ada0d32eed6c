import { describe, expect, it } from 'vitest';
import { findLinks, hostOf, isHostInDomain } from '../../../workers/text/find-links.js';

const hosts = (raw: string) => findLinks(raw).map((l) => l.host);
const texts = (raw: string) => findLinks(raw).map((l) => raw.slice(l.start, l.end));

describe('findLinks', () => {
  it('finds http(s) URLs and www. hosts, without trailing punctuation', () => {
    const raw = 'Voir https://Exemple.com/promo?x=1. Et aussi www.test.fr, merci';
    expect(texts(raw)).toEqual(['https://Exemple.com/promo?x=1', 'www.test.fr']);
    expect(hosts(raw)).toEqual(['exemple.com', 'www.test.fr']);
  });

  it('finds bare domains such as exemple.com/promo and bit.ly/x', () => {
    expect(hosts('allez sur exemple.com/promo ou bit.ly/abc')).toEqual(['exemple.com', 'bit.ly']);
  });

  it('finds domains spelled out to dodge filters', () => {
    expect(hosts('exemple dot com, exemple[.]com et exemple (point) fr')).toEqual([
      'exemple.com',
      'exemple.com',
      'exemple.fr',
    ]);
  });

  it('does not take a missing space after a full stop for a link', () => {
    expect(findLinks('Le pays.Ne pas oublier, merci.Ma mère, version 3.5, M.Macron')).toEqual([]);
  });

  it('does not count the domain of an e-mail address as a link', () => {
    expect(findLinks('écrivez à jean.dupont@gmail.com')).toEqual([]);
  });

  it('gives punycode hosts for internationalised domains', () => {
    expect(hosts('http://exémple.fr')).toEqual(['xn--exmple-cva.fr']);
  });
});

describe('hostOf and isHostInDomain', () => {
  it('reads a host from a URL or a bare domain', () => {
    expect(hostOf('https://Spam.COM/x')).toBe('spam.com');
    expect(hostOf('spam.com')).toBe('spam.com');
    expect(hostOf('http://')).toBeUndefined();
  });

  it('counts subdomains as part of a domain, but not lookalike suffixes', () => {
    expect(isHostInDomain('promo.spam.com', 'spam.com')).toBe(true);
    expect(isHostInDomain('spam.com', 'spam.com')).toBe(true);
    expect(isHostInDomain('notspam.com', 'spam.com')).toBe(false);
  });
});
