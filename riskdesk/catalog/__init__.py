"""Load, validate and export the risk-point catalog (YAML in resources/catalog).

Import the modules themselves (riskdesk.catalog.loader, .cache, .export): the loader pulls in
PyYAML, which start-up only needs when the cached catalog is out of date.
"""
