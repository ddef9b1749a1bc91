"""The SQL that keeps `CatalogueVersion` counting: functions and, on every table that shopper
pages show, triggers calling them; and the function that reads the counts. The migrations of
the rooms owning those tables use it.

Two counts: `number`, every change; `content_number`, every change but a variant's stock
running out or coming back (what the parts that never show stock depend on). A variant's
update counts in both when anything but its stock changes, in `number` alone when its stock
crosses zero, and in neither when a sale leaves some stock.

The triggers are deferred to the commit: the version row is locked only for the instant before
a transaction ends, so two transactions never wait on each other through it (a sale locking
variants and then the version, another the other way round, would deadlock otherwise). Each
transaction adds at most one to each count, however many rows it writes (a bulk load).
"""

# The triggers' names (SET CONSTRAINTS names them).
TRIGGER = "catalogue_version_bump"
UPDATE_TRIGGER = "catalogue_version_bump_update"
STOCK_TRIGGER = "catalogue_version_bump_stock"
# The variables marking a transaction already counted in each count (local to the transaction).
COUNTED = "ohmylot.catalogue_version_counted"
CONTENT_COUNTED = "ohmylot.catalogue_content_version_counted"
# Where a new database starts counting: anywhere, so that a database made anew never meets the
# pages a cache kept for the one it replaced (a copy or a restored backup goes on counting from
# the numbers it holds, with the pages kept for those numbers).
START = "floor(random() * 1e15)::bigint"

_NOT_COUNTED = "current_setting('{}', true) IS DISTINCT FROM 'yes'"
# A change: one more in both counts, unless this transaction counted it already (in the full
# count, a stock running out before it in the same transaction may have).
_BUMP_CREATE = f"""
CREATE OR REPLACE FUNCTION catalogue_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    full_step bigint := CASE WHEN {_NOT_COUNTED.format(COUNTED)} THEN 1 ELSE 0 END;
BEGIN
    IF {_NOT_COUNTED.format(CONTENT_COUNTED)} THEN
        PERFORM set_config('{COUNTED}', 'yes', true);
        PERFORM set_config('{CONTENT_COUNTED}', 'yes', true);
        INSERT INTO catalogue_catalogueversion (id, number, content_number)
        VALUES (1, {START}, {START})
        ON CONFLICT (id) DO UPDATE SET
            number = catalogue_catalogueversion.number + full_step,
            content_number = catalogue_catalogueversion.content_number + 1;
    END IF;
    RETURN NULL;
END;
$$;
"""
# A variant's stock running out or coming back: one more in the full count alone.
_STOCK_BUMP_CREATE = f"""
CREATE OR REPLACE FUNCTION catalogue_version_bump_stock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {_NOT_COUNTED.format(COUNTED)} THEN
        PERFORM set_config('{COUNTED}', 'yes', true);
        INSERT INTO catalogue_catalogueversion (id, number, content_number)
        VALUES (1, {START}, {START})
        ON CONFLICT (id) DO UPDATE SET number = catalogue_catalogueversion.number + 1;
    END IF;
    RETURN NULL;
END;
$$;
"""
# Both counts now, in one call. Inside a transaction (a test's, or a page's reading after its
# own write) the triggers have not counted its writes yet, waiting for the commit: they count
# them first, and the writes after will count again. Outside one, nothing waits and the counts
# are read. `catalogue_version_now()`, the full count alone, serves the code of the release
# before two counts while a rolling deploy replaces it.
_TRIGGERS = f"{TRIGGER}, {UPDATE_TRIGGER}, {STOCK_TRIGGER}"
_NOW_CREATE = f"""
CREATE OR REPLACE FUNCTION catalogue_versions_now(OUT number bigint, OUT content_number bigint)
LANGUAGE plpgsql AS $$
BEGIN
    SET CONSTRAINTS {_TRIGGERS} IMMEDIATE;
    SET CONSTRAINTS {_TRIGGERS} DEFERRED;
    PERFORM set_config('{COUNTED}', '', true);
    PERFORM set_config('{CONTENT_COUNTED}', '', true);
    SELECT version.number, version.content_number INTO number, content_number
    FROM catalogue_catalogueversion AS version WHERE version.id = 1;
END;
$$;

CREATE OR REPLACE FUNCTION catalogue_version_now() RETURNS bigint LANGUAGE sql AS $$
    SELECT number FROM catalogue_versions_now();
$$;
"""
FUNCTIONS_CREATE = _BUMP_CREATE + _STOCK_BUMP_CREATE + _NOW_CREATE
# What the functions above add to the ones they replace (the bump that every table's trigger
# calls stays, and so does catalogue_version_now).
FUNCTIONS_ADDED_DROP = (
    "DROP FUNCTION catalogue_versions_now();\nDROP FUNCTION catalogue_version_bump_stock();"
)

_DEFERRED = "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"


def triggers_create(tables: list[str]) -> str:
    """Every insert, update and delete on `tables` counts, in both counts."""
    return "\n".join(
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"{_DEFERRED} EXECUTE FUNCTION catalogue_version_bump();"
        for table in tables
    )


def stock_triggers_create(table: str) -> str:
    """Inserts and deletes on `table` (variants) count in both counts, and updates of anything
    but `stock_quantity` too; a stock running out or coming back counts in the full count
    alone; a stock that stays above zero counts in neither."""
    crosses_zero = "(OLD.stock_quantity > 0) IS DISTINCT FROM (NEW.stock_quantity > 0)"
    other_change = (
        "to_jsonb(OLD) - 'stock_quantity' IS DISTINCT FROM to_jsonb(NEW) - 'stock_quantity'"
    )
    return (
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR DELETE ON {table} {_DEFERRED} "
        "EXECUTE FUNCTION catalogue_version_bump();\n"
        f"CREATE CONSTRAINT TRIGGER {UPDATE_TRIGGER} AFTER UPDATE ON {table} {_DEFERRED} "
        f"WHEN ({other_change}) EXECUTE FUNCTION catalogue_version_bump();\n"
        f"CREATE CONSTRAINT TRIGGER {STOCK_TRIGGER} AFTER UPDATE ON {table} {_DEFERRED} "
        f"WHEN ({crosses_zero}) EXECUTE FUNCTION catalogue_version_bump_stock();"
    )


def triggers_drop(tables: list[str]) -> str:
    return "\n".join(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {table};" for table in tables)


def stock_triggers_drop(table: str) -> str:
    return "\n".join(
        f"DROP TRIGGER IF EXISTS {name} ON {table};"
        for name in (TRIGGER, UPDATE_TRIGGER, STOCK_TRIGGER)
    )
