"""The SQL that keeps `CatalogueVersion` counting: a function and, on every table that shopper
pages show, a trigger calling it; and the function that reads the count. The migrations of the
rooms owning those tables use it.

The triggers are deferred to the commit: the version row is locked only for the instant before
a transaction ends, so two transactions never wait on each other through it (a sale locking
variants and then the version, another the other way round, would deadlock otherwise). Each
transaction counts once, however many rows it writes (a bulk load). A variant's update counts
when its stock runs out or comes back, or when anything else about it changes; not when a sale
leaves some stock.
"""

# The triggers' names (SET CONSTRAINTS names them).
TRIGGER = "catalogue_version_bump"
UPDATE_TRIGGER = "catalogue_version_bump_update"
# The variable marking a transaction already counted (local to the transaction).
COUNTED = "ohmylot.catalogue_version_counted"
# Where a new database starts counting: anywhere, so that a database made anew never meets the
# pages a cache kept for the one it replaced (a copy or a restored backup goes on counting from
# the number it holds, with the pages kept for that number).
START = "floor(random() * 1e15)::bigint"

_BUMP_CREATE = f"""
CREATE FUNCTION catalogue_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('{COUNTED}', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('{COUNTED}', 'yes', true);
        INSERT INTO catalogue_catalogueversion (id, number) VALUES (1, {START})
        ON CONFLICT (id) DO UPDATE SET number = catalogue_catalogueversion.number + 1;
    END IF;
    RETURN NULL;
END;
$$;
"""
# The count now. Inside a transaction (a test's, or a page's reading after its own write) the
# triggers have not counted its writes yet, waiting for the commit: they count them first, and
# the writes after will count again. Outside one, nothing waits and the count is read.
_NOW_CREATE = f"""
CREATE FUNCTION catalogue_version_now() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    SET CONSTRAINTS {TRIGGER}, {UPDATE_TRIGGER} IMMEDIATE;
    SET CONSTRAINTS {TRIGGER}, {UPDATE_TRIGGER} DEFERRED;
    PERFORM set_config('{COUNTED}', '', true);
    RETURN (SELECT number FROM catalogue_catalogueversion WHERE id = 1);
END;
$$;
"""
FUNCTION_CREATE = _BUMP_CREATE + _NOW_CREATE
FUNCTION_DROP = "DROP FUNCTION catalogue_version_now();\nDROP FUNCTION catalogue_version_bump();"

_DEFERRED = "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"


def triggers_create(tables: list[str]) -> str:
    """Every insert, update and delete on `tables` counts."""
    return "\n".join(
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"{_DEFERRED} EXECUTE FUNCTION catalogue_version_bump();"
        for table in tables
    )


def stock_triggers_create(table: str) -> str:
    """Inserts and deletes on `table` (variants) count, and updates unless they only move a
    stock that stays above zero (`stock_quantity`)."""
    changed = (
        "(OLD.stock_quantity > 0) IS DISTINCT FROM (NEW.stock_quantity > 0) "
        "OR to_jsonb(OLD) - 'stock_quantity' IS DISTINCT FROM to_jsonb(NEW) - 'stock_quantity'"
    )
    return (
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR DELETE ON {table} {_DEFERRED} "
        "EXECUTE FUNCTION catalogue_version_bump();\n"
        f"CREATE CONSTRAINT TRIGGER {UPDATE_TRIGGER} AFTER UPDATE ON {table} {_DEFERRED} "
        f"WHEN ({changed}) EXECUTE FUNCTION catalogue_version_bump();"
    )


def triggers_drop(tables: list[str]) -> str:
    return "\n".join(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {table};" for table in tables)


def stock_triggers_drop(table: str) -> str:
    return (
        f"DROP TRIGGER IF EXISTS {TRIGGER} ON {table};\n"
        f"DROP TRIGGER IF EXISTS {UPDATE_TRIGGER} ON {table};"
    )
