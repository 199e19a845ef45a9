"""Load, validate and export the risk-point catalog (YAML in resources/catalog)."""

from riskdesk.catalog.loader import CatalogError, CatalogIssue, load_catalog, load_stage_file

__all__ = ["CatalogError", "CatalogIssue", "load_catalog", "load_stage_file"]
