"""KPI snapshots: the dated values ``journeykit refresh`` stores.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kpi_snapshots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("journey_id", sa.String(80), nullable=False),
        sa.Column("kpi_id", sa.String(80), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("ci_low", sa.Float(), nullable=True),
        sa.Column("ci_high", sa.Float(), nullable=True),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("alert", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_kpi_snapshots_journey_id_journeys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_snapshots")),
    )
    op.create_index(op.f("ix_kpi_snapshots_journey_id"), "kpi_snapshots", ["journey_id"])
    op.create_index(op.f("ix_kpi_snapshots_taken_at"), "kpi_snapshots", ["taken_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_kpi_snapshots_taken_at"), table_name="kpi_snapshots")
    op.drop_index(op.f("ix_kpi_snapshots_journey_id"), table_name="kpi_snapshots")
    op.drop_table("kpi_snapshots")
