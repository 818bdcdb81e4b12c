-- A group key holds the route's key and every group_by label with its value (up to 64
-- labels of 2,048 characters, each character up to 10 when quoted): VARCHAR(512) in the
-- outbox and TEXT (64 KB) in the notification log failed the flush of such a group,
-- and with it every other group's notifications.
ALTER TABLE outbox MODIFY group_key MEDIUMTEXT NOT NULL;
ALTER TABLE notification_log MODIFY group_key MEDIUMTEXT NOT NULL;
