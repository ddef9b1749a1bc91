"""Demo content of the shop: producers, products, labels, pictures and accounts.

`shop.demo.loader.demo_load` writes it (idempotently); the `load_demo` command calls it.
"""
