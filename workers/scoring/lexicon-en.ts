import { weighted, type LexiconEntry } from './lexicon-entry.js';

/** English toxicity lexicon, also applied to French comments, where English insults are common. */
export const LEXICON_EN: readonly LexiconEntry[] = [
  ...weighted('insult', [
    ['moron*', 0.6], ['retard', 0.75, ['fr', 'other']], ['retards', 0.75, ['fr', 'other']], ['retarded', 0.75],
    ['bitch*', 0.75], ['asshole*', 0.8], ['arsehole*', 0.8], ['fuck you', 0.85], ['fuck off', 0.75],
    ['screw you', 0.6], ['cunt*', 0.9], ['dumbass*', 0.7], ['jackass', 0.6], ['dickhead*', 0.75],
    ['piece of shit', 0.85], ['son of a bitch', 0.85], ['motherfucker*', 0.85], ['twat*', 0.75], ['slut*', 0.85],
    ['whore*', 0.85], ['bastard*', 0.6], ['scum*', 0.6], ['stupid', 0.3], ['loser*', 0.3], ['shut up', 0.3],
    ['dumb', 0.25],
  ]),
  ...weighted('identity_attack', [
    ['faggot*', 0.95], ['fag', 0.7], ['fags', 0.7], ['nigger*', 0.98], ['nigga*', 0.8], ['kike*', 0.95],
    ['spic', 0.9], ['spics', 0.9], ['chink*', 0.9], ['tranny', 0.8], ['trannies', 0.8], ['wetback*', 0.9],
    ['raghead*', 0.9], ['towelhead*', 0.9], ['paki', 0.85], ['pakis', 0.85], ['dyke*', 0.6], ['coon', 0.8],
    ['coons', 0.8],
  ]),
  ...weighted('threat', [
    ['kill yourself', 0.95], ['kys', 0.9], ['will kill you', 0.9], ["i'll kill you", 0.9], ['gonna kill you', 0.9],
    ['going to kill you', 0.9], ['know where you live', 0.9], ['hope you die', 0.85], ['go die', 0.7],
    ['you should die', 0.8], ['deserve to die', 0.8], ['should be shot', 0.75], ['watch your back', 0.55],
    ['gonna find you', 0.65], ['going to find you', 0.65], ['slit your throat', 0.95], ['die in a fire', 0.75],
    ['burn in hell', 0.5],
  ]),
  ...weighted('profanity', [
    ['fuck', 0.5], ['fucking', 0.45], ['fucked', 0.45], ['fck', 0.45], ['fuk', 0.45], ['wtf', 0.25],
    ['shit', 0.4], ['shitty', 0.35], ['bullshit', 0.35], ['damn', 0.1], ['crap', 0.2], ['dick', 0.3],
    ['piss', 0.25], ['ass', 0.3],
  ]),
];
