import type { Agency } from "../../src/lib/model/agencies.ts";

/** A desk's agencies for the import tests: the names the house styles under test use, one-word and longer. */
export const AGENCIES: Agency[] = [
  { name: "Associated Press", also: ["AP", "The Associated Press"] },
  { name: "Agence France-Presse", also: ["AFP"] },
  { name: "Reuters", also: [] },
  { name: "TASS", also: ["ТАСС", "Itar-Tass", "ИТАР-ТАСС"] },
  { name: "Xinhua", also: [] },
  { name: "Kyodo News", also: ["Kyodo"] },
  { name: "Press Trust of India", also: ["PTI"] },
  { name: "Anadolu Agency", also: ["AA"] },
  { name: "Interfax", also: ["Интерфакс"] },
  { name: "dpa", also: ["Deutsche Presse-Agentur"] },
  { name: "EFE", also: ["Agencia EFE"] },
];
