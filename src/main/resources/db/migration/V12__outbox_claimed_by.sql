-- Which process took a row for sending (its boot id, see outbox/Boot). A process that finds the
-- claimer gone (its lock file free) takes the row back at once instead of waiting out the lease.
alter table outbox add column claimed_by text;
