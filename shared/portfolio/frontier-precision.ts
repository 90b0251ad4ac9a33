/**
 * How close each point of the efficient frontier must be to the best possible: 0.5% of its
 * value. The frontier is read as a chart (25 points, 320 pixels tall), where 0.5% of the highest
 * point is about a pixel and a half and of the others less; each point carries its bound, so the
 * chart can say how far it may be below. Proving every point (or 0.1%) costs ten to thirty times
 * as long on the hard class (measured: 2 to 10 s per low-budget point of 500 proposals at 0.1%,
 * 0.1 to 0.8 s at 0.5%).
 */
export const FRONTIER_GAP = 0.005;

/** The same, as people read it: "0.5%". */
export const FRONTIER_GAP_TEXT = `${FRONTIER_GAP * 100}%`;
