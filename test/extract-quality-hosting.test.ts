// "X will host A and B for talks": A and B negotiate with each other and X mediates; a group of mediators is
// never a negotiating pair by itself. Sentences written for these tests; the article date is 2026-03-10.
import { describe, expect, it } from 'vitest';
import { edges, meetings } from './helpers/quality.js';

const pairs = (text: string, kind: 'negotiates_with' | 'mediates') => edges(text, kind).map((e) => `${e.source} ~ ${e.target}`).sort();

describe('hosting talks', () => {
  it('English: the guests are the sides, the hosts mediate', () => {
    const text = 'Turkish and Saudi mediators will host Armenian and Azerbaijani negotiators in Istanbul next week for talks on the border.';
    expect(pairs(text, 'negotiates_with')).toEqual(['country:ARM ~ country:AZE']);
    expect(pairs(text, 'mediates').map((p) => p.split(' ~ ')[0]).sort()).toEqual(['country:SAU', 'country:TUR']);
  });

  it('Italian: ospiterà A e B per i colloqui', () => {
    const text = "La Turchia ospiterà Armenia e Azerbaigian a Istanbul la prossima settimana per i colloqui sul confine.";
    expect(pairs(text, 'negotiates_with')).toEqual(['country:ARM ~ country:AZE']);
  });

  it('mediators named together with a truce do not negotiate with each other', () => {
    expect(pairs('Turkish and Saudi mediators said the truce was holding.', 'negotiates_with')).toEqual([]);
  });
});

describe('welcoming a guest', () => {
  const pairs = (text: string, lang: 'it' | 'en') => edges(text, 'meets', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ '));
  it('"welcomed X", "ha accolto X": a meeting with a person; a welcomed decision is none', () => {
    expect(pairs('Pedro Sánchez welcomed Mark Carney to Madrid on Monday.', 'en')).toEqual(['leader:mark-carney ~ leader:pedro-sanchez']);
    expect(pairs('Pedro Sánchez ha accolto alla Moncloa il premier canadese Mark Carney.', 'it')).toEqual(['leader:mark-carney ~ leader:pedro-sanchez']);
    expect(pairs('Pedro Sánchez welcomed the ceasefire deal, Mark Carney said.', 'en')).toEqual([]);
    expect(pairs('Pedro Sánchez ha accolto con favore la proposta di Mark Carney.', 'it')).toEqual([]);
  });
});

describe('summoning an envoy', () => {
  it('"summoned X", "ha convocato X": a meeting with the person summoned; a body convened is none', () => {
    const parts = (text: string, lang: 'it' | 'en') => meetings(text, '2026-03-10', lang).map((m) => m.participants.join(' + '));
    expect(parts('Spanish Foreign Minister José Manuel Albares summoned the Canadian ambassador to Spain, Ana Roy, on Monday.', 'en')).toEqual(['Ana Roy + José Manuel Albares']);
    expect(parts("Il ministro degli Esteri spagnolo José Manuel Albares ha convocato l'ambasciatrice canadese in Spagna, Ana Roy.", 'it')).toEqual(['Ana Roy + José Manuel Albares']);
    expect(parts('Sánchez ha convocato il Consiglio dei ministri.', 'it')).toEqual([]);
  });
  it('"phoned X": a call with the person phoned', () => {
    expect(meetings('Sánchez phoned Carney on Monday.', '2026-03-10', 'en').map((m) => m.participants.join(' + '))).toEqual(['Mark Carney + Pedro Sánchez']);
  });
});
