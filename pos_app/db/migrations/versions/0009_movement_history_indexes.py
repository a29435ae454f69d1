"""indexes for the movement history page: newest first by kind, and by user

The history page reads stock movements newest first (by time, then id) filtered by kind or by user; these
indexes give each filter its rows already in that order, so a page is read without sorting a million rows.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 19:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stock_movements_kind_at", "stock_movements", ["kind", "at"], unique=False)
    op.create_index("ix_stock_movements_user_id_at", "stock_movements", ["user_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_stock_movements_user_id_at", table_name="stock_movements")
    op.drop_index("ix_stock_movements_kind_at", table_name="stock_movements")
