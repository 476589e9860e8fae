// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ArticleTable } from "@/components/article-table";
import type { ArticleListItem, ThemeInfo } from "@/lib/queries/articles";

const themes: ThemeInfo[] = [
  { slug: "innovation", name: "Innovation", colour: "#0072B2", definition: "", cues: [], boundaries: [], order: 1 },
  { slug: "reform", name: "Reform", colour: "#009E73", definition: "", cues: [], boundaries: [], order: 2 },
];

const articles: ArticleListItem[] = [
  {
    slug: "a-1",
    title: "Dated article",
    dateStart: "2023-04-18",
    datePrecision: "day",
    dateBasis: "stated",
    codingStatus: "coded",
    source: { slug: "sasac", name: "SASAC" },
    publisher: null,
    wordCount: 1620,
    themes: { innovation: { passages: 4, taggedWords: 80 }, reform: { passages: 0, taggedWords: 0 } },
  },
  {
    slug: "a-2",
    title: "Undated article",
    dateStart: null,
    datePrecision: "unknown",
    dateBasis: null,
    codingStatus: "uncoded",
    source: { slug: "firm", name: "The Firm" },
    publisher: { slug: "site", name: "The Site" },
    wordCount: 10,
    themes: {},
  },
];

describe("ArticleTable", () => {
  it("shows each article's coding status, date as precisely as it is known, organizations, words and passages per theme", () => {
    render(<ArticleTable articles={articles} themes={themes} />);
    const [, first, second] = screen.getAllByRole("row");
    expect(within(first).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "Dated article",
      "Coded",
      "18 Apr 2023",
      "SASAC",
      "unknown",
      "1,620",
      "4",
      "0",
    ]);
    expect(within(second).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "Undated article",
      "Not coded",
      "date unknown",
      "The Firm",
      "The Site",
      "10",
      "0",
      "0",
    ]);
    expect(screen.getByRole("link", { name: "Dated article" })).toHaveAttribute("href", "/articles/a-1");
  });

  it("says so when nothing matches", () => {
    render(<ArticleTable articles={[]} themes={themes} />);
    expect(screen.getByText("No articles match these filters.")).toBeInTheDocument();
  });
});
