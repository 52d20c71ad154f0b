from django import forms

from signatories.form_fields import GovForm

from .models import ApiToken


class TokenForm(GovForm):
    name = forms.CharField(
        label="What is the key for?",
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text="Name the use and the team, for example: Power BI – performance team.",
        error_messages={"required": "Enter what the key is for, like Power BI – performance team"},
    )
    can_see_names = forms.BooleanField(
        label="Let it read champions' names",
        required=False,
        help_text="Without this it reads how many champions each organisation has, not who they are. "
        "It never reads anyone's email or phone.",
    )
    rate_limit_per_minute = forms.IntegerField(
        label="Requests a minute",
        min_value=1,
        max_value=6000,
        help_text="Most reporting tools need far fewer than 60.",
        error_messages={
            "required": "Enter how many requests a minute the key may make",
            "invalid": "Enter the requests a minute as a whole number, like 60",
            "min_value": "Requests a minute must be 1 or more",
            "max_value": "Requests a minute must be 6000 or fewer",
        },
    )
