"""Thumbnail worker: pulls image jobs and renders thumbnails."""
