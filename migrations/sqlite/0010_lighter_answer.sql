-- A lighter answer write (BENCHMARKS.md Findings, figure 1; the PostgreSQL migration of the
-- same number also lightens the answer's function). A delta row lives until the next fold,
-- about two seconds (0008, `rollup::fold`), so its table stays small and is read whole; the
-- secondary indexes on it only cost every answer two index entries per table, written and then
-- deleted again by the fold.
DROP INDEX officer_month_delta_month_idx;
DROP INDEX officer_month_delta_officer_idx;
DROP INDEX unit_month_delta_month_idx;
DROP INDEX unit_month_delta_unit_idx;
