"""Export report rows to files in the formats finance asks for."""

__version__ = "1.8.0"
