/** The archive pages a story's calendar day ("2013-09-02") belongs to, from the year down. */
export interface ArchiveLinks {
  year: string;
  month: string;
  day: string;
}

export function archiveLinks(day: string): ArchiveLinks {
  const [year, month, date] = day.split("-");
  return {
    year: `/archive/${year}/`,
    month: `/archive/${year}/${month}/`,
    day: `/archive/${year}/${month}/${date}/`,
  };
}
