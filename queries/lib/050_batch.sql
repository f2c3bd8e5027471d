-- 050_batch: the rows behind the figures of one import batch (the batch table; /imports and
-- /imports/[id]), so that each figure lists exactly the rows it counts:
-- rows_accepted = the rows the batch stored, superseded ones included (quality_stored_row with
-- the batch, queries/lib/040_quality.sql); rows_rejected = its distinct rejected row numbers
-- (batch_rejected_row: one row can have several problems); rows_read = both together, one per
-- row number of the file (batch_read_row: the ingest stores every row read either as accepted or
-- as rejected, so accepted + rejected = read); rows_superseded = the earlier stored rows that the
-- batch replaced, i.e. whose superseded_by is the batch (batch_replaced_row). The ingest marks a
-- row superseded only while it is current, so these rows never change afterwards.
--
-- Macro parameters are positional; parameter names never equal a column name.

-- The rejected rows of one batch: one row per distinct row number (as the user counts it:
-- header = row 1), with its problems (column_name, value, message) in column order. Only the
-- reject table of that batch is read: no sender is attributed (quality_rejected_row does that,
-- at the cost of a scan of the stored rows).
CREATE OR REPLACE MACRO batch_rejected_row(only_batch) AS TABLE
SELECT r.batch_id, b.file_name, r.row_number,
	list({'column_name': r.column_name, 'value': r.value, 'message': r.message}
		ORDER BY r.column_name NULLS FIRST, r.message, r.value) AS problems
FROM reject r
JOIN batch b ON b.batch_id = r.batch_id
WHERE r.batch_id = only_batch AND batch_visible(r.batch_id)
GROUP BY ALL;

-- Every row read from the file of one batch: its row number and outcome ('accepted': stored, as
-- quality_stored_row gives it as of D; 'rejected': in batch_rejected_row). D must be on or after
-- the batch's import date, else its stored rows are out of scope and only the rejects remain.
CREATE OR REPLACE MACRO batch_read_row(as_of, only_kind, only_batch) AS TABLE
SELECT source_row AS row_number, 'accepted' AS outcome
FROM quality_stored_row(as_of, only_kind, NULL, only_batch)
UNION ALL
SELECT row_number, 'rejected'
FROM batch_rejected_row(only_batch);

-- The stored rows that one batch replaced (superseded_by = the batch), of one kind (NULL: all;
-- always the batch's own kind), each with its own batch, file and row, and the key, date, topic,
-- state and cells of quality_row_cells.
CREATE OR REPLACE MACRO batch_replaced_row(only_kind, by_batch) AS TABLE
SELECT r.kind, r.sender, r.record_key, r.record_date, r.topic, r.state, r.cells, r.batch_id,
	b.file_name, r.source_row, r.superseded_by
FROM quality_row_cells(only_kind) r
JOIN batch b ON b.batch_id = r.batch_id
WHERE r.superseded_by = by_batch;
