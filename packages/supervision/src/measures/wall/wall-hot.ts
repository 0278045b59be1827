import { wallboardHotIssues } from "../hot/hot-wall.js";
import { cachedHotIssues } from "./wall-figures.js";

/** The wall's hot issues: measures/hot's detector, read at most once a minute per process. */
export const wallHotIssues = cachedHotIssues(wallboardHotIssues);
