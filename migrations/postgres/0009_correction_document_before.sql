-- Which upload answers a correction request (REFERENCE §2.2): one made after the request. A
-- millisecond timestamp cannot tell (a fast client uploads within the millisecond of the
-- request, and the seeded demo does), so the request now records the newest document of its
-- requirement at that moment (0 when there was none) and a later document id answers it.
-- Requests made before this migration keep the timestamp rule (NULL here).
ALTER TABLE application_correction ADD COLUMN document_before BIGINT;
