"""The tracker database: SQLAlchemy models, engine set-up, migrations, backups, repositories."""
