"""Reading spreadsheets (.xlsx, .csv) into plain tables: the bottom layer a case import stands on.

Imports only ``riskdesk.domain``; openpyxl loads when a workbook is read, not at start-up.
"""

from __future__ import annotations

from riskdesk.sheets.reading import Cell, SheetError, Table, read_table

__all__ = ["Cell", "SheetError", "Table", "read_table"]
