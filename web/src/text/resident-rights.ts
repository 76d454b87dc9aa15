import type { components } from '../../generated/api';

/**
 * A resident's rights (issue 22): their access log, their copy and erasure, as the owning
 * compartment's staff see them on the resident's page. What erasure removes and keeps follows
 * src/resident-rights/ and src/residents/resident-record-data.ts; change both together.
 */

export const ERASURE_REASONS = {
  resident_request: 'Beboeren har bedt om at få sine oplysninger slettet',
  consent_withdrawn: 'Beboeren har trukket det samtykke tilbage, oplysningerne byggede på',
  no_longer_needed: 'Oplysningerne er ikke længere nødvendige',
  objection: 'Beboeren har gjort indsigelse mod behandlingen',
  unlawful_processing: 'Oplysningerne er blevet behandlet ulovligt',
} as const satisfies Record<components['schemas']['EraseResidentDto']['reason'], string>;

export type ErasureReason = keyof typeof ERASURE_REASONS;

export const rights = {
  heading: 'Beboerens rettigheder',
  intro: 'Beboeren har ret til at se, hvem der har set og ændret oplysningerne, til at få en kopi af alt, hvad der er registreret, og til at få oplysningerne slettet.',

  accessLog: {
    heading: 'Hvem har set oplysningerne',
    intro: 'Adgangsloggen viser hvem, der har set eller ændret beboerens oplysninger, hvornår, hvad de gjorde og hvorfor. At du åbner den, bliver også skrevet i loggen.',
    show: 'Vis adgangsloggen',
    pdf: 'Hent adgangsloggen som PDF til beboeren',
    caption: 'Adgangslog, nyeste først',
    when: 'Tidspunkt',
    who: 'Hvem',
    what: 'Hvad',
    why: 'Hvorfor',
    system: 'Systemet',
    more: 'Vis flere',
    loading: 'Henter adgangsloggen …',
    empty: 'Ingen har set eller ændret oplysningerne.',
    shown: (count: number) => (count === 1 ? 'Viser 1 hændelse.' : `Viser ${count} hændelser.`),
  },

  copy: {
    heading: 'Kopi af oplysningerne',
    intro: 'Kopien indeholder alt, hvad helhedsplanen har registreret om beboeren, med adgangsloggen. PDF-filen er til at give beboeren; JSON-filen er den samme kopi i et format, andre systemer kan læse.',
    pdf: 'Hent kopien som PDF',
    json: 'Hent kopien som JSON',
  },

  download: {
    busy: 'Henter filen …',
    done: (name: string) => `Filen ${name} er hentet. Den indeholder personoplysninger: giv den til beboeren, og slet den bagefter fra enheden.`,
  },

  erasure: {
    heading: 'Slet beboerens oplysninger',
    intro: 'Beboerens personoplysninger slettes, når beboeren beder om det, eller når der ikke længere er grund til at have dem. Det kan ikke fortrydes.',
    reason: 'Hvorfor skal oplysningerne slettes?',
    reasonHint: 'Grunden bliver gemt sammen med sletningen.',
    reasonMissing: 'Vælg, hvorfor oplysningerne skal slettes.',
    start: 'Slet oplysningerne …',
    confirmHeading: 'Er du sikker på, at oplysningerne skal slettes?',
    erased: 'Det bliver slettet',
    erasedList: [
      'Navn, telefonnummer og e-mail',
      'Den præcise fødselsdato',
      'Navne og kontaktoplysninger på forældre og værger',
      'Alt, hvad der er skrevet om beboeren: noter fra samtaler, sagernes emne og resultat, begrundelser for henvisninger og for faseskift i fritidsjob',
      'Samtykkers dokumenthenvisning og begrundelsen for at trække et samtykke tilbage',
    ],
    kept: 'Det bliver gemt, så helhedsplanens tal stadig passer, uden at nogen kan se, hvem det er',
    keptList: [
      'Et pseudonym (seks tegn, fx K7M3QX), som beboeren hedder fremover',
      'Fødselsår, og om fødselsdagen ligger i årets første eller andet halvår',
      'Køn',
      'Boligområde',
      'At der har været sager, samtaler, henvisninger, samtykker, aktiviteter og forløb, med emne, datoer og status, men uden tekst',
      'Adgangsloggen: hvem der har set og ændret oplysningerne og hvornår',
    ],
    after: 'Bagefter',
    afterList: [
      'Der kan ikke registreres noget nyt om beboeren: ingen nye sager, samtaler eller henvisninger. Åbne sager kan stadig afsluttes.',
      'Sletningen kan ikke fortrydes.',
    ],
    confirm: 'Ja, slet oplysningerne',
    cancel: 'Fortryd',
    done: 'Oplysningerne er slettet',
    doneBody: (pseudonym: string) => `Beboeren hedder nu ${pseudonym}. Gemt er kun fødselsår og halvår, køn og boligområde, og hvad der er sket uden tekst.`,
    toResidents: 'Gå til beboerne',
    toProgrammes: 'Gå til forløbene',
    programmeRunning:
      'Oplysningerne kan ikke slettes endnu, fordi den unges fritidsjobforløb stadig kører. Afslut forløbet (eller lad det ende i et ordinært fritidsjob) først, og slet så oplysningerne.',
  },

  leaderHeading: 'Adgangslog for en beboer',
  leaderNote: 'Som leder ser du adgangsloggen uden beboerens navn. Kopien og sletningen er for den medarbejdergruppe, der har beboeren.',
} as const;
