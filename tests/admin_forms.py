"""The data the admin's edit forms send, built from the object being edited with Wagtail's form-data helpers."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

NO_COMMENTS = {"comments": inline_formset([])}


def _value(value):
    return "" if value is None else value


def _page(page):
    """What every page form sends: the promote and settings tabs and the (empty) comments."""
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "show_in_menus": "on" if page.show_in_menus else "",
        "go_live_at": "",
        "expire_at": "",
        **NO_COMMENTS,
    }


def _checkbox(value):
    return "on" if value else ""


def _form(values, changes):
    """Nested values flattened as the admin names them; lists (multiple choices) stay lists, as a browser sends."""
    values = {**values, **changes}
    choices = {name: value for name, value in values.items() if isinstance(value, list)}
    return {**nested_form_data({k: v for k, v in values.items() if k not in choices}), **choices}


def special_form(special, **changes):
    """The editor's form for a special, as a browser sends it, with `changes` applied."""
    values = {
        **_page(special),
        "campaign": special.campaign,
        "bar_label": special.bar_label,
        "summary": special.summary,
        "body": rich_text(special.body or ""),
        "image": _value(special.image_id),
        "starts_on": special.starts_on.isoformat(),
        "ends_on": special.ends_on.isoformat(),
        "regular_price": _value(special.regular_price),
        "special_price": _value(special.special_price),
        "discount_text": special.discount_text,
        "promo_code": special.promo_code,
        "terms": special.terms,
        "treatments": [treatment.pk for treatment in special.treatments.all()],
        "providers": [provider.pk for provider in special.providers.all()],
    }
    return _form(values, changes)


def staff_form(member, **changes):
    """The editor's form for a staff profile, as a browser sends it, with `changes` applied."""
    values = {
        **_page(member),
        "role": member.role,
        "short_bio": member.short_bio,
        "bio": rich_text(member.bio or ""),
        "photo": _value(member.photo_id),
        "action_photo": _value(member.action_photo_id),
        "action_photo_caption": member.action_photo_caption,
        "license_type": member.license_type,
        "license_number": member.license_number,
        "license_state": member.license_state,
        "show_license_number": _checkbox(member.show_license_number),
        "supervising_physician": _value(member.supervising_physician_id),
        "practicing_since": _value(member.practicing_since),
        "specialties": [treatment.pk for treatment in member.specialties.all()],
        "accepts_bookings": _checkbox(member.accepts_bookings),
    }
    return _form(values, changes)


def clinic_settings_form(clinic, **changes):
    """The Clinic details form, as a browser sends it, with `changes` applied."""
    hours = [
        (
            "day",
            {
                "weekday": day.weekday,
                "opens": day.opens.strftime("%H:%M") if day.opens else "",
                "closes": day.closes.strftime("%H:%M") if day.closes else "",
                "closed": _checkbox(day.closed),
            },
        )
        for day in clinic.hours
    ]
    links = [("link", {"network": link.network, "url": link.url}) for link in clinic.links]
    values = {
        "name": clinic.name,
        "logo": _value(clinic.logo_id),
        "about_us": clinic.about_us,
        "price_range": clinic.price_range,
        "phone": clinic.phone,
        "email": clinic.email,
        "inquiry_inbox": clinic.inquiry_inbox,
        "street_address": clinic.street_address,
        "city": clinic.city,
        "region": clinic.region,
        "postal_code": clinic.postal_code,
        "latitude": _value(clinic.latitude),
        "longitude": _value(clinic.longitude),
        "opening_hours": streamfield(hours),
        "social_links": streamfield(links),
    }
    return _form(values, changes)


def image_form(image, **changes):
    """The image edit form, as a browser sends it without a new file, with `changes` applied."""
    values = {
        "title": image.title,
        "collection": image.collection_id,
        "tags": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
        "alt_text": image.alt_text,
        "is_decorative": _checkbox(image.is_decorative),
    }
    return _form(values, changes)
