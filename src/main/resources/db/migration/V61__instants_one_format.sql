-- Every stored instant in one fixed-width format, 2026-12-01T07:00:00.000Z (db/Jdbc.text), so
-- that comparing the text in SQL orders exactly as the instants do. Before, Instant.toString()
-- wrote 2026-12-01T07:00:00Z beside 2026-12-01T07:00:00.5Z, and "…00Z" sorts after "…00.5Z".
-- (SQLite only: PostgreSQL databases were written in this format from their start.)
update people set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update actions set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update actions set updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) where updated_at not like '____-__-__T__:__:__.___Z';
update api_tokens set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update api_tokens set revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', revoked_at) where revoked_at not like '____-__-__T__:__:__.___Z';
update subscribers set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update subscribers set confirmed_at = strftime('%Y-%m-%dT%H:%M:%fZ', confirmed_at) where confirmed_at not like '____-__-__T__:__:__.___Z';
update subscribers set unsubscribed_at = strftime('%Y-%m-%dT%H:%M:%fZ', unsubscribed_at) where unsubscribed_at not like '____-__-__T__:__:__.___Z';
update subscriber_tokens set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update subscriber_tokens set expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', expires_at) where expires_at not like '____-__-__T__:__:__.___Z';
update subscriber_tokens set used_at = strftime('%Y-%m-%dT%H:%M:%fZ', used_at) where used_at not like '____-__-__T__:__:__.___Z';
update consent_records set at = strftime('%Y-%m-%dT%H:%M:%fZ', at) where at not like '____-__-__T__:__:__.___Z';
update dialogs set starts_at = strftime('%Y-%m-%dT%H:%M:%fZ', starts_at) where starts_at not like '____-__-__T__:__:__.___Z';
update dialogs set ends_at = strftime('%Y-%m-%dT%H:%M:%fZ', ends_at) where ends_at not like '____-__-__T__:__:__.___Z';
update dialogs set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update dialogs set updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) where updated_at not like '____-__-__T__:__:__.___Z';
update dialogs set published_at = strftime('%Y-%m-%dT%H:%M:%fZ', published_at) where published_at not like '____-__-__T__:__:__.___Z';
update dialogs set cancelled_at = strftime('%Y-%m-%dT%H:%M:%fZ', cancelled_at) where cancelled_at not like '____-__-__T__:__:__.___Z';
update dialog_invitations set invited_at = strftime('%Y-%m-%dT%H:%M:%fZ', invited_at) where invited_at not like '____-__-__T__:__:__.___Z';
update registrations set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update registrations set cancelled_at = strftime('%Y-%m-%dT%H:%M:%fZ', cancelled_at) where cancelled_at not like '____-__-__T__:__:__.___Z';
update registration_tokens set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) where created_at not like '____-__-__T__:__:__.___Z';
update slack_events set received_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at) where received_at not like '____-__-__T__:__:__.___Z';
