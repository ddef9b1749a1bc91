"""The SQL of the catalogue's version when it was one count (migration 0010 applied it), kept
as written then: 0010 makes the same database from scratch, and 0014 goes back to it when
reversed. Not a migration (Django skips modules named with a leading underscore)."""

FUNCTION_CREATE = """
CREATE FUNCTION catalogue_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('ohmylot.catalogue_version_counted', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('ohmylot.catalogue_version_counted', 'yes', true);
        INSERT INTO catalogue_catalogueversion (id, number) VALUES (1, floor(random() * 1e15)::bigint)
        ON CONFLICT (id) DO UPDATE SET number = catalogue_catalogueversion.number + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION catalogue_version_now() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    SET CONSTRAINTS catalogue_version_bump, catalogue_version_bump_update IMMEDIATE;
    SET CONSTRAINTS catalogue_version_bump, catalogue_version_bump_update DEFERRED;
    PERFORM set_config('ohmylot.catalogue_version_counted', '', true);
    RETURN (SELECT number FROM catalogue_catalogueversion WHERE id = 1);
END;
$$;
"""
FUNCTION_DROP = "DROP FUNCTION catalogue_version_now();\nDROP FUNCTION catalogue_version_bump();"

# The variants: inserts and deletes count, and updates unless they only move a stock that
# stays above zero.
VARIANT_TRIGGERS_CREATE = (
    "CREATE CONSTRAINT TRIGGER catalogue_version_bump AFTER INSERT OR DELETE ON "
    "catalogue_productvariant DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
    "EXECUTE FUNCTION catalogue_version_bump();\n"
    "CREATE CONSTRAINT TRIGGER catalogue_version_bump_update AFTER UPDATE ON "
    "catalogue_productvariant DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
    "WHEN ((OLD.stock_quantity > 0) IS DISTINCT FROM (NEW.stock_quantity > 0) "
    "OR to_jsonb(OLD) - 'stock_quantity' IS DISTINCT FROM to_jsonb(NEW) - 'stock_quantity') "
    "EXECUTE FUNCTION catalogue_version_bump();"
)
VARIANT_TRIGGERS_DROP = (
    "DROP TRIGGER IF EXISTS catalogue_version_bump ON catalogue_productvariant;\n"
    "DROP TRIGGER IF EXISTS catalogue_version_bump_update ON catalogue_productvariant;"
)
