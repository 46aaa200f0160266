-- A claim walks the unclaimed pending rows oldest first and stops once it has enough subscriptions, so its cost follows
-- the batches it takes, not the rows waiting: with 10,000 digests due at once, grouping every pending row on every claim
-- made claiming them all quadratic. The index carries what the walk reads, so the wide rows (a digest's content) are not.
CREATE INDEX ix_outbox_unclaimed ON outbox (id, due_at, subscription_id) WHERE state = 'Pending' AND group_id IS NULL;

-- Groups whose lease ran out are found by their lease's end, among the groups in flight only (not every row ever sent).
CREATE INDEX ix_outbox_claimed ON outbox (claimed_until) WHERE state = 'Pending' AND group_id IS NOT NULL;
