-- What /border latest and summary need over a million events (ARCHITECTURE.md §12: p99 ≤ 25 ms in process). Figures
-- are from the query benchmark's database (1,000,000 events, a 30-day period holds some 25,000 verified ones).

-- Events per day and kind, kept by the triggers below: a summary's whole days are read from here (some 50 rows a day)
-- instead of counting every event of the period (a month: 60–90 ms reading the rows, 8–17 ms from a covering index,
-- most of it sorting for GROUP BY; here under 1 ms). The partial days at either end of a period are still counted
-- from the events. The key holds every column a filter can name except place names; '' stands for no country or
-- border, as NULLs would never be equal in the key.
CREATE TABLE event_day_counts (
    day          INTEGER NOT NULL, -- occurred_at / 86400000, as the counts group events: UTC days since 1970
    status       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    severity     INTEGER NOT NULL,
    country      TEXT NOT NULL,
    border_pair  TEXT NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (day, kind, status, severity, country, border_pair) -- in the order counts group by: no sorting
) WITHOUT ROWID;

INSERT INTO event_day_counts (day, status, kind, severity, country, border_pair, count)
SELECT occurred_at / 86400000, status, kind, severity, COALESCE(country, ''), COALESCE(border_pair, ''), COUNT(*)
FROM events
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER events_day_counts_insert AFTER INSERT ON events
BEGIN
    INSERT INTO event_day_counts (day, status, kind, severity, country, border_pair, count)
    VALUES (NEW.occurred_at / 86400000, NEW.status, NEW.kind, NEW.severity, COALESCE(NEW.country, ''), COALESCE(NEW.border_pair, ''), 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;

-- A revision may change any of the key's columns (verified, retracted, re-dated, re-scored): the old key loses the
-- event and the new one gains it. A row left at 0 counts nothing.
CREATE TRIGGER events_day_counts_update AFTER UPDATE OF occurred_at, status, kind, severity, country, border_pair ON events
BEGIN
    UPDATE event_day_counts SET count = count - 1
    WHERE day = OLD.occurred_at / 86400000 AND status = OLD.status AND kind = OLD.kind AND severity = OLD.severity
        AND country = COALESCE(OLD.country, '') AND border_pair = COALESCE(OLD.border_pair, '');
    INSERT INTO event_day_counts (day, status, kind, severity, country, border_pair, count)
    VALUES (NEW.occurred_at / 86400000, NEW.status, NEW.kind, NEW.severity, COALESCE(NEW.country, ''), COALESCE(NEW.border_pair, ''), 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER events_day_counts_delete AFTER DELETE ON events
BEGIN
    UPDATE event_day_counts SET count = count - 1
    WHERE day = OLD.occurred_at / 86400000 AND status = OLD.status AND kind = OLD.kind AND severity = OLD.severity
        AND country = COALESCE(OLD.country, '') AND border_pair = COALESCE(OLD.border_pair, '');
END;

-- The partial days at a period's ends, and "latest" by status: with the kind and the region columns in the index,
-- counting and filtering read the index alone, never the rows (whose JSON documents are large). It replaces the
-- (status, occurred_at) index, which it starts with.
DROP INDEX ix_events_status_occurred;
CREATE INDEX ix_events_status_occurred_kind ON events (status, occurred_at, kind, severity, border_pair, country);

-- A summary's top events are the most severe of its period: one range query per severity level, most severe first,
-- each seeking the period within its level and checking the other filters in the index, so only the events returned
-- are read from the table.
CREATE INDEX ix_events_severity_occurred ON events (severity, occurred_at, status, kind, border_pair, country);

-- "latest in CN-MM" wants a region's events newest first: with the time in the index that is a walk down it, not a
-- sort of every event in the region.
DROP INDEX ix_events_border;
CREATE INDEX ix_events_border_occurred ON events (border_pair, occurred_at);
DROP INDEX ix_events_country;
CREATE INDEX ix_events_country_occurred ON events (country, occurred_at);
