"""RiskDesk: risk-prevention checklists for the 立案, 审判 and 执行 stages of a court case."""

__version__ = "0.1.0"
