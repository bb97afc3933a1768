"""One module per measure; each has `run(ctx) -> list[Result]` and raises NotAvailable to be skipped."""
