"""Product catalog: the supplier feed importer and its queries."""
