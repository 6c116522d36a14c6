import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEPARTEMENTS,
  findTerritory,
  isTerritoryCode,
  NATIONAL,
  REGIONS,
  TERRITORIES,
  territoriesWithin,
  territoryName,
  territoryWithin,
} from '../territories.js';
import { csvLine, parseCsv } from './csv.js';
import { legalCategoryLabel } from './legal-categories.js';

const codes = fc.constantFrom(...TERRITORIES.map((territory) => territory.code));

describe('territories', () => {
  it('lists France, its 18 regions and its 101 départements, each code once', () => {
    expect(REGIONS).toHaveLength(18);
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(new Set(TERRITORIES.map((territory) => territory.code)).size).toBe(TERRITORIES.length);
    for (const departement of DEPARTEMENTS) expect(isTerritoryCode(departement.region)).toBe(true);
    // Every region has at least one département, and overseas regions exactly one.
    for (const region of REGIONS) expect(DEPARTEMENTS.some((d) => d.region === region.code)).toBe(true);
    expect(DEPARTEMENTS.filter((d) => d.region === 'R04').map((d) => d.code)).toEqual(['D974']);
    expect(DEPARTEMENTS.filter((d) => d.region === 'R94').map((d) => d.code)).toEqual(['D2A', 'D2B']);
  });

  it('names a territory in both languages, and shows an unknown code as it is', () => {
    expect(territoryName('fr', NATIONAL)).toBe('France entière');
    expect(territoryName('en', NATIONAL)).toBe('All of France');
    expect(territoryName('fr', 'R11')).toBe('Île-de-France');
    expect(territoryName('fr', 'D2A')).toBe('Corse-du-Sud (2A)');
    expect(territoryName('en', 'D971')).toBe('Guadeloupe (971)');
    expect(territoryName('fr', 'Quimper')).toBe('Quimper');
  });

  it('places every territory within itself and the country, and a département within its region only', () => {
    fc.assert(
      fc.property(codes, codes, (code, area) => {
        expect(territoryWithin(code, code)).toBe(true);
        expect(territoryWithin(code, NATIONAL)).toBe(true);
        const territory = TERRITORIES.find((t) => t.code === code)!;
        const expected = code === area || area === NATIONAL || territory.region === area;
        expect(territoryWithin(code, area)).toBe(expected);
        expect(territoriesWithin(area).includes(code)).toBe(expected);
      }),
    );
    expect(territoriesWithin('R53').sort()).toEqual(['D22', 'D29', 'D35', 'D56', 'R53']);
    expect(territoryWithin('free text', NATIONAL)).toBe(false);
  });

  it('finds a territory from its code, number or name however it is typed', () => {
    fc.assert(
      fc.property(codes, fc.boolean(), (code, lower) => {
        expect(findTerritory(lower ? code.toLowerCase() : code)).toBe(code);
        const territory = TERRITORIES.find((t) => t.code === code)!;
        // A département sharing its region's name (overseas) is found as the region.
        const typed = lower
          ? territory.name.toLowerCase()
          : territory.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        const sameName = TERRITORIES.filter((t) => t.name === territory.name).map((t) => t.code);
        expect(sameName).toContain(findTerritory(typed));
      }),
    );
    expect(findTerritory('75')).toBe('D75');
    expect(findTerritory('2a')).toBe('D2A');
    expect(findTerritory('cote d or')).toBe('D21');
    expect(findTerritory("Côte-d'Or")).toBe('D21');
    expect(findTerritory('Provence-Alpes-Côte d’Azur')).toBe('R93');
    expect(findTerritory('France entière')).toBe(NATIONAL);
  });

  it('never throws on what people type, and finds only listed codes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const found = findTerritory(text);
        expect(found === null || isTerritoryCode(found)).toBe(true);
      }),
    );
  });
});

describe('legal categories', () => {
  it('labels the common public categories and shows another code as its number', () => {
    expect(legalCategoryLabel('fr', '7120')).toBe('Service central d’un ministère');
    expect(legalCategoryLabel('en', '7210')).toBe('Municipality');
    expect(legalCategoryLabel('fr', '5710')).toBe('Catégorie juridique 5710');
  });
});

describe('reading a French CSV file', () => {
  const cell = fc.string({ maxLength: 20 }).filter((s) => !s.includes('\r'));
  it('reads back every record as written, whatever the cells hold', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const header = ['name', 'siret'];
        const width = Math.max(...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
        const text = `\ufeff${[header.concat(Array(width - 2).fill('x')), ...padded].map((r) => csvLine(r)).join('\r\n')}\r\n`;
        const reading = parseCsv(text);
        expect(reading.separator).toBe(';');
        expect(reading.unclosedQuote).toBe(false);
        const kept = padded.filter((r) => r.some((c) => c.trim() !== ''));
        expect(reading.records.slice(1).map((r) => r.cells)).toEqual(kept);
      }),
    );
  });

  it('tells the line a record starts on, and an unclosed quote', () => {
    const reading = parseCsv('name;siret\n"A\nB";1\n\nC;2\n"D;3');
    expect(reading.records.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(reading.unclosedQuote).toBe(true);
  });
});
