import { agencyInCredit, type Agency } from "./agencies.ts";

/**
 * Who a published photo is by and on what terms it may be used: what its structured data and the
 * rights embedded in its files say, so a copied picture still names its agency. Each field is
 * absent when neither the story nor the settings give it.
 */
export interface PhotoRights {
  /** The photographer, as the story names them. */
  creator?: string;
  /** The agency the credit names, by its listed name: the photo's creator where no photographer is named. */
  agency?: string;
  /** The copyright notice: "© 2024 The Associated Press". */
  copyright?: string;
  /** The terms of use: "Editorial use only". */
  usageTerms?: string;
  /** The address of the licence's terms. */
  license?: string;
  /** The address where the photo can be licensed. */
  licensePage?: string;
}

/** A story's photo fields that bear on its rights: its credit, and what it says of the rest. */
export type StoryPhotoRights = { credit: string } & Omit<PhotoRights, "agency">;

/**
 * The photo's rights: the story's own, field by field, else those the settings give the agency
 * its credit names (`agencies`' `photoRights`).
 */
export function photoRights(photo: StoryPhotoRights, agencies: readonly Agency[]): PhotoRights {
  const known = agencyInCredit(photo.credit, agencies);
  const defaults = known?.agency.photoRights ?? {};
  const rights: PhotoRights = {
    creator: photo.creator,
    agency: known?.agency.name,
    copyright: photo.copyright ?? defaults.copyright,
    usageTerms: photo.usageTerms ?? defaults.usageTerms,
    license: photo.license ?? defaults.license,
    licensePage: photo.licensePage ?? defaults.licensePage,
  };
  // Only the fields known: a view is plain JSON, kept between builds, and prints no empty field.
  return Object.fromEntries(Object.entries(rights).filter(([, value]) => value !== undefined)) as PhotoRights;
}
