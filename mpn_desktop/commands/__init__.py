"""Command-line subcommands: each module registers one or a few with argparse."""
