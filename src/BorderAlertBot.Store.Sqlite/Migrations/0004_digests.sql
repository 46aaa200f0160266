-- A channel's commands read its own subscriptions.
CREATE INDEX ix_subscriptions_target ON subscriptions (target_key, created_at);
