"""honours and selection

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 06:38:25.124155
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from unionDesk.store.defaults import default_calendar_rows

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('award_program',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('honour_title', sa.String(length=100), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('categories', sa.Text(), nullable=False),
    sa.Column('quota_rules', sa.Text(), nullable=False),
    sa.Column('eligibility', sa.Text(), nullable=False),
    sa.Column('rubric', sa.Text(), nullable=False),
    sa.Column('nomination_deadline', sa.Date(), nullable=True),
    sa.Column('review_deadline', sa.Date(), nullable=True),
    sa.Column('publicity_days', sa.Integer(), nullable=False),
    sa.Column('quorum', sa.String(length=10), nullable=False),
    sa.Column('disagreement_sd', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_program'))
    )
    op.create_table('calendar_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_day'))
    )
    op.create_table('review_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('chair_user_id', sa.Integer(), nullable=True),
    sa.Column('quorum', sa.String(length=10), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['chair_user_id'], ['app_user.id'], name=op.f('fk_review_round_chair_user_id_app_user')),
    sa.ForeignKeyConstraint(['program_id'], ['award_program.id'], name=op.f('fk_review_round_program_id_award_program'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_round'))
    )
    with op.batch_alter_table('review_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_round_program_id'), ['program_id'], unique=False)

    op.create_table('candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('nominating_unit', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('deeds', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('eligibility_results', sa.Text(), nullable=False),
    sa.Column('eligibility_override', sa.Text(), nullable=False),
    sa.Column('publicity_start', sa.Date(), nullable=True),
    sa.Column('publicity_end', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_candidate_member_id_member'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['program_id'], ['award_program.id'], name=op.f('fk_candidate_program_id_award_program'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate'))
    )
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidate_program_id'), ['program_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidate_state'), ['state'], unique=False)
        batch_op.create_index('uq_candidate_program_member_live', ['program_id', 'member_id'], unique=True, sqlite_where=sa.text("state != 'withdrawn'"))

    op.create_table('round_reviewer',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_round_reviewer_round_id_review_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_round_reviewer_user_id_app_user'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('round_id', 'user_id', name=op.f('pk_round_reviewer'))
    )
    with op.batch_alter_table('round_reviewer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_reviewer_user_id'), ['user_id'], unique=False)

    op.create_table('candidate_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=50), nullable=False),
    sa.Column('removed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_candidate_attachment_candidate_id_candidate'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_attachment'))
    )
    with op.batch_alter_table('candidate_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_attachment_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('candidate_transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=False),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_candidate_transition_candidate_id_candidate'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_transition'))
    )
    with op.batch_alter_table('candidate_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_transition_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('honour',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('awarding_body', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_honour_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_honour_member_id_member'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_honour'))
    )
    with op.batch_alter_table('honour', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_honour_member_id'), ['member_id'], unique=False)

    op.create_table('objection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('handling', sa.Text(), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_objection_candidate_id_candidate'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objection'))
    )
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_objection_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('conflict_kind', sa.String(length=20), nullable=False),
    sa.Column('conflict_text', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_review_candidate_id_candidate'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['app_user.id'], name=op.f('fk_review_reviewer_id_app_user'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_review_round_id_review_round'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index('uq_review_round_candidate_reviewer', ['round_id', 'candidate_id', 'reviewer_id'], unique=True)

    op.create_table('round_candidate',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_round_candidate_candidate_id_candidate'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_round_candidate_round_id_review_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round_id', 'candidate_id', name=op.f('pk_round_candidate'))
    )
    with op.batch_alter_table('round_candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_candidate_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('review_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('conflict_kind', sa.String(length=20), nullable=False),
    sa.Column('conflict_text', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('reopened_at', sa.DateTime(), nullable=False),
    sa.Column('reopened_by', sa.String(length=50), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_review_revision_review_id_review'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_revision'))
    )
    with op.batch_alter_table('review_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_revision_review_id'), ['review_id'], unique=False)

    # ### end Alembic commands ###
    # The shipped holiday calendar, as a new database gets it (the officer edits it later).
    calendar_day = sa.table(
        "calendar_day",
        sa.column("day", sa.Date()),
        sa.column("kind", sa.String()),
        sa.column("name", sa.String()),
    )
    op.bulk_insert(calendar_day, default_calendar_rows())


def downgrade() -> None:
    with op.batch_alter_table('review_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_revision_review_id'))

    op.drop_table('review_revision')
    with op.batch_alter_table('round_candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_candidate_candidate_id'))

    op.drop_table('round_candidate')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index('uq_review_round_candidate_reviewer')
        batch_op.drop_index(batch_op.f('ix_review_candidate_id'))

    op.drop_table('review')
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_objection_candidate_id'))

    op.drop_table('objection')
    with op.batch_alter_table('honour', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_honour_member_id'))

    op.drop_table('honour')
    with op.batch_alter_table('candidate_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidate_transition_candidate_id'))

    op.drop_table('candidate_transition')
    with op.batch_alter_table('candidate_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidate_attachment_candidate_id'))

    op.drop_table('candidate_attachment')
    with op.batch_alter_table('round_reviewer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_reviewer_user_id'))

    op.drop_table('round_reviewer')
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_index('uq_candidate_program_member_live', sqlite_where=sa.text("state != 'withdrawn'"))
        batch_op.drop_index(batch_op.f('ix_candidate_state'))
        batch_op.drop_index(batch_op.f('ix_candidate_program_id'))
        batch_op.drop_index(batch_op.f('ix_candidate_member_id'))

    op.drop_table('candidate')
    with op.batch_alter_table('review_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_round_program_id'))

    op.drop_table('review_round')
    op.drop_table('calendar_day')
    op.drop_table('award_program')
    # ### end Alembic commands ###
