"""The 竞赛 and 活动 pages: competitions with their score grid, culture events with attendance."""
