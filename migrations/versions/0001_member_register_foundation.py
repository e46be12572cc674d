"""member register foundation

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 05:12:09.648873
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('department',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['department.id'], name=op.f('fk_department_parent_id_department'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_department'))
    )
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_department_parent_id'), ['parent_id'], unique=False)

    op.create_table('union_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('higher_union', sa.String(length=100), nullable=False),
    sa.Column('chair', sa.String(length=50), nullable=False),
    sa.Column('contact', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_union_profile_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_union_profile'))
    )
    op.create_table('member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_sort', sa.String(length=300), nullable=False),
    sa.Column('search_keys', sa.Text(), nullable=False),
    sa.Column('id_type', sa.String(length=20), nullable=False),
    sa.Column('id_number', sa.String(length=20), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('ethnicity', sa.String(length=2), nullable=False),
    sa.Column('mobile', sa.String(length=11), nullable=False),
    sa.Column('political_status', sa.String(length=20), nullable=False),
    sa.Column('education', sa.String(length=20), nullable=False),
    sa.Column('skill_level', sa.String(length=20), nullable=False),
    sa.Column('trade', sa.String(length=50), nullable=False),
    sa.Column('job_title', sa.String(length=50), nullable=False),
    sa.Column('hukou_region', sa.String(length=10), nullable=False),
    sa.Column('hukou_nature', sa.String(length=20), nullable=False),
    sa.Column('migrant_worker', sa.Boolean(), nullable=False),
    sa.Column('work_start_date', sa.Date(), nullable=True),
    sa.Column('join_date', sa.Date(), nullable=False),
    sa.Column('card_number', sa.String(length=30), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('hardship', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_member_department_id_department'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member'))
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_department_id'), ['department_id'], unique=False)
        batch_op.create_index('ix_member_list', ['deleted_at', 'name_sort', 'id', 'status', 'department_id', 'name', 'search_keys', 'card_number', 'id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_status'), ['status'], unique=False)
        batch_op.create_index('uq_member_card_number_live', ['card_number'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND card_number IS NOT NULL'))
        batch_op.create_index('uq_member_id_number_live', ['id_type', 'id_number'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('membership_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_membership_change_member_id_member'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership_change'))
    )
    with op.batch_alter_table('membership_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_change_member_id'), ['member_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('membership_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_change_member_id'))

    op.drop_table('membership_change')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index('uq_member_id_number_live', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('uq_member_card_number_live', sqlite_where=sa.text('deleted_at IS NULL AND card_number IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_member_status'))
        batch_op.drop_index('ix_member_list')
        batch_op.drop_index(batch_op.f('ix_member_department_id'))

    op.drop_table('member')
    op.drop_table('union_profile')
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_department_parent_id'))

    op.drop_table('department')
