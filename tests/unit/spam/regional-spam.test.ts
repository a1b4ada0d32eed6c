import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spamScore } from '../../../workers/checks/spam-score.js';
import { findContactHandles } from '../../../workers/scoring/spam/contact-handles.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';
import { contextFor } from '../checks/check-context.js';

const HOLD = 0.5;

/** The spam check as the worker runs it: score, and the quoted words of its reasons. */
function spamCheck(body: string) {
  const result = spamScore(contextFor(body));
  const spans = (result?.reasons ?? []).filter((r) => r.code === 'spam_signals').flatMap((r) => r.spans ?? []);
  return { spam: result?.scores?.spam ?? 0, quoted: spans.map((s) => body.slice(s.start, s.end)), messages: (result?.reasons ?? []).map((r) => r.message).join(' | ') };
}

const handles = (raw: string) => findContactHandles(normalizeForMatching(raw)).map((h) => [h.kind, raw.slice(h.start, h.end)]);

describe('French regional spam: what the spam check holds, and the words it points at', () => {
  it('holds a loan scam with a written-out e-mail address and quotes the offer and the address', () => {
    const c = spamCheck('Prêt rapide entre particuliers, de 500 000 à 10 000 000 FCFA. Contactez : pretrapide.mali@gmail.com');
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toEqual(expect.arrayContaining(['Prêt rapide entre particuliers', 'pretrapide.mali@gmail.com']));
    expect(c.messages).toMatch(/loan offer/);
  });

  it('holds an investment promise with a WhatsApp number and names the number as such', () => {
    const c = spamCheck('Investissez 50 000 FCFA, gagnez 500 000 FCFA en 7 jours. WhatsApp +223 76 45 12 09');
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toContain('+223 76 45 12 09');
    expect(c.messages).toMatch(/WhatsApp or Telegram number "\+223 76 45 12 09"/);
    expect(c.messages).toMatch(/investment promise/);
  });

  it('holds a marabout advert ("grand maître", "retour de l\'être aimé") with a Beninese number in 00 form', () => {
    const c = spamCheck("Grand maître marabout Kokou : retour de l'être aimé en 72h, chance aux jeux. Appelez le 00229 97 12 34 56");
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toEqual(expect.arrayContaining(['Grand maître marabout', '00229 97 12 34 56']));
    expect(c.messages).toMatch(/marabout or medium advert|occult service/);
  });

  it('holds a spelled-out e-mail address ("point", "arobase") in a loan offer and quotes all of it', () => {
    const body = 'Offre de prêt entre particuliers sérieux. Écrivez à pretrapide point mali arobase gmail point com';
    const c = spamCheck(body);
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toContain('pretrapide point mali arobase gmail point com');
    expect(c.messages).toMatch(/spelled-out e-mail address/);
  });

  it('holds bitcoin doubling with a Telegram link', () => {
    const c = spamCheck('Doublez vos bitcoins en 24h, garanti ! Rejoignez t.me/btc_double_afrique');
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toEqual(expect.arrayContaining(['t.me/btc_double_afrique']));
    expect(c.messages).toMatch(/crypto scheme/);
  });

  it('holds a lottery win that asks for delivery fees, on a Burkinabè number written with dots', () => {
    const c = spamCheck('Félicitations vous avez gagné 2 000 000 FCFA au tirage Orange Money ! Frais de livraison à payer au 70.12.34.56');
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toEqual(expect.arrayContaining(['70.12.34.56']));
    expect(c.messages).toMatch(/prize or lottery/);
  });

  it('holds a wa.me link with an Ivorian number behind an easy-money pitch', () => {
    const c = spamCheck('Argent facile : je gagne 25 000 F par jour depuis mon téléphone, écris-moi wa.me/2250707070707');
    expect(c.spam).toBeGreaterThanOrEqual(HOLD);
    expect(c.quoted).toContain('wa.me/2250707070707');
  });
});

describe('French regional spam: legitimate comments it leaves alone', () => {
  it.each([
    ['a parent looking for a lost child', 'Notre fille Aminata, 7 ans, a disparu au marché de Médina Coura. Si vous la voyez appelez son père au 76 45 12 09'],
    ['the newsroom\'s correction address', "Erreur sur le nom du ministre : écrivez à la rédaction, corrections@lesahelien.ml, ils corrigent vite"],
    ['an emergency number', "Appelez le 17 si vous voyez quelque chose de suspect, ne vous faites pas justice vous-même"],
    ['an NGO hotline', 'Pour les inondations, la Croix-Rouge a ouvert une ligne : +223 20 22 45 69. Ils ont besoin de bénévoles'],
    ['a campaign office', 'Le QG de campagne du candidat à Cocody répond au 27 22 44 55 66 pour les volontaires'],
    ['budget figures', 'Le budget de l\'éducation passe à 1500000000 FCFA, et 75 000 000 FCFA pour une mairie ? Il faut un audit'],
    ['a debate on IMF loans', 'Le FMI accorde un prêt de 120 millions de dollars au Niger, la BCEAO relève son taux directeur à 3,5 %'],
    ['a debate on crypto', 'La Centrafrique a adopté le bitcoin, un échec ; la BCEAO a raison de mettre en garde contre les cryptomonnaies'],
    ['marabouts as culture', 'Les marabouts font partie de notre culture, mon grand-père enseignait le Coran à Touba'],
    ['a warning against the scam itself', "Attention aux arnaqueurs qui promettent des prêts sur WhatsApp ! Ne versez jamais d'argent, signalez-les au 17"],
  ])('does not hold %s', (_, body) => {
    const c = spamCheck(body);
    expect(c.spam).toBeLessThan(HOLD);
    expect(c.quoted).toEqual([]);
  });
});

describe('contact handles', () => {
  it('reads West African numbers with +, 00, spaces, dots and dashes, and names those next to WhatsApp', () => {
    expect(handles('WhatsApp +226 70 12 34 56, tél 00227 96 12 34 56, 77-654-32-10 ou 07.07.45.12.36')).toEqual([
      ['chat_number', '+226 70 12 34 56'],
      ['phone_number', '00227 96 12 34 56'],
      ['phone_number', '77-654-32-10'],
      ['phone_number', '07.07.45.12.36'],
    ]);
  });

  it('does not read amounts, years or short emergency numbers as phone numbers', () => {
    expect(handles('1500000000 FCFA, 75 000 000 F, en 2023 2024 2025, appelez le 17 ou le 18')).toEqual([]);
  });

  it('never reads an amount written with thousands separators (spaces, narrow spaces, dots) as a phone number, with or without its currency', () => {
    fc.assert(
      // eight digits from 60 000 000 look most like a Malian or Burkinabè mobile number
      fc.property(fc.oneof(fc.integer({ min: 60_000_000, max: 99_999_999 }), fc.integer({ min: 1_000_000, max: 999_999_999_999 })), fc.constantFrom('fr-FR', 'de-DE', 'plain'), fc.constantFrom('', ' FCFA', ' F', ' francs', ' €'), (n, locale, unit) => {
        const amount = locale === 'plain' ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : n.toLocaleString(locale);
        expect(handles(`Le budget prévoit ${amount}${unit} pour les routes.`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds WhatsApp and Telegram links, and the number inside a link only once', () => {
    expect(handles('wa.me/22376451209 ou https://t.me/gains_rapides')).toEqual([
      ['chat_link', 'wa.me/22376451209'],
      ['chat_link', 'https://t.me/gains_rapides'],
    ]);
  });

  it('finds e-mail addresses written out, with [at] and [dot], and spelled in words', () => {
    expect(handles('a@b.ml ; pret[at]yahoo[dot]fr ; pretrapide point mali arobase gmail point com')).toEqual([
      ['email_address', 'a@b.ml'],
      ['email_obfuscated', 'pret[at]yahoo[dot]fr'],
      ['email_obfuscated', 'pretrapide point mali arobase gmail point com'],
    ]);
  });
});
