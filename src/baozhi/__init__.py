"""baozhi (报纸): Chinese newspaper pages → clean articles and a record of government activity."""
__version__ = "0.1.0"
