import { type Locale, t } from '../../core/i18n/i18n.js';
import { LICENCE_URL } from './api-routes.js';
import { csvHref, type DatasetState, jsonHref } from './dataset-info.js';
import { openDataMessages as pm } from './messages.js';

/**
 * The DCAT-AP catalogue of the open data, in JSON-LD, for data.gouv.fr's harvester: one dcat:Catalog, one
 * dcat:Dataset per dataset of the registry with its titles and descriptions in French and English, licence,
 * publisher, last change, keywords, and its distributions (CSV, JSON, the API collection, other standards),
 * each with its access and download URLs, its format (EU file-type authority) and media type (IANA). Pure code.
 */

export const PUBLISHER_NAME = 'Accélérateur d’initiatives citoyennes';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const MEDIA_TYPE = 'https://www.iana.org/assignments/media-types/';

type Lang = { '@value': string; '@language': Locale };

const both = (fr: string, en: string): Lang[] => [
  { '@value': fr, '@language': 'fr' },
  { '@value': en, '@language': 'en' },
];

function distribution(
  id: string,
  title: Lang[],
  url: string,
  format: 'CSV' | 'JSON' | 'ICS',
  mediaType: string,
  download: boolean,
  conformsTo?: string,
) {
  return {
    '@id': id,
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dcat:accessURL': { '@id': url },
    ...(download ? { 'dcat:downloadURL': { '@id': url } } : {}),
    'dct:format': { '@id': `${FILE_TYPE}${format}` },
    'dcat:mediaType': { '@id': `${MEDIA_TYPE}${mediaType}` },
    'dct:license': { '@id': LICENCE_URL },
    ...(conformsTo ? { 'dct:conformsTo': { '@id': conformsTo } } : {}),
  };
}

export function dcatCatalogue(base: string, states: readonly DatasetState[]) {
  const publisher = { '@id': `${base}/#organisation`, '@type': 'foaf:Agent', 'foaf:name': PUBLISHER_NAME };
  const modified = states
    .map((s) => s.modified?.getTime() ?? Number.NEGATIVE_INFINITY)
    .reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return {
    '@context': CONTEXT,
    '@id': `${base}/donnees/catalogue.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': both(t('fr', pm.dataTitle), t('en', pm.dataTitle)),
    'dct:description': both(t('fr', pm.dataIntro), t('en', pm.dataIntro)),
    'dct:publisher': publisher,
    'dct:license': { '@id': LICENCE_URL },
    'dct:language': [{ '@id': 'http://publications.europa.eu/resource/authority/language/FRA' }],
    'foaf:homepage': { '@id': `${base}/donnees` },
    ...(Number.isFinite(modified)
      ? { 'dct:modified': { '@value': new Date(modified).toISOString(), '@type': 'xsd:dateTime' } }
      : {}),
    'dcat:dataset': states.map(({ dataset, modified: changed }) => {
      const id = `${base}/donnees#${dataset.file}`;
      const schemaUrl = dataset.schemaUrl;
      const distributions = [
        distribution(
          `${id}-csv`,
          dataset.csv
            ? both(t('fr', dataset.csv.title), t('en', dataset.csv.title))
            : both(`${t('fr', dataset.title)} (CSV)`, `${t('en', dataset.title)} (CSV)`),
          `${base}${csvHref(dataset)}`,
          'CSV',
          'text/csv',
          true,
          dataset.csv?.schemaUrl,
        ),
        distribution(
          `${id}-json`,
          both(`${t('fr', dataset.title)} (JSON)`, `${t('en', dataset.title)} (JSON)`),
          `${base}${jsonHref(dataset)}`,
          'JSON',
          'application/json',
          true,
        ),
        distribution(
          `${id}-api`,
          both(`${t('fr', dataset.title)} (API)`, `${t('en', dataset.title)} (API)`),
          `${base}/api/v1/${dataset.path}`,
          'JSON',
          'application/json',
          false,
          `${base}/api/openapi.json`,
        ),
        ...(dataset.more ?? []).map((other, i) =>
          distribution(
            `${id}-more-${i + 1}`,
            both(t('fr', other.title), t('en', other.title)),
            `${base}${other.href}`,
            other.format,
            other.mediaType,
            true,
          ),
        ),
      ];
      return {
        '@id': id,
        '@type': 'dcat:Dataset',
        'dct:identifier': dataset.file,
        'dct:title': both(t('fr', dataset.title), t('en', dataset.title)),
        'dct:description': both(t('fr', dataset.description), t('en', dataset.description)),
        'dct:publisher': { '@id': publisher['@id'] },
        'dct:license': { '@id': LICENCE_URL },
        ...(changed ? { 'dct:modified': { '@value': changed.toISOString(), '@type': 'xsd:dateTime' } } : {}),
        'dcat:keyword': [
          ...dataset.keywords.fr.map((k) => ({ '@value': k, '@language': 'fr' })),
          ...dataset.keywords.en.map((k) => ({ '@value': k, '@language': 'en' })),
        ],
        'dcat:landingPage': { '@id': `${base}/donnees#${dataset.file}` },
        ...(schemaUrl ? { 'dct:conformsTo': { '@id': schemaUrl } } : {}),
        'dcat:distribution': distributions,
      };
    }),
  };
}
