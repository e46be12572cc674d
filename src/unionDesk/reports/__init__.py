"""ReportLab layouts of the returns (报表): plain data in, PDF pages out; no Qt, no database."""
