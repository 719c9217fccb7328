from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A member of staff who signs in to the admin."""
