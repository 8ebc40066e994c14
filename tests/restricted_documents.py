"""A document in a collection only approved practitioners may open, for tests of pages that show documents."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from send_toolkit.conf import toolkit_settings


def practitioner_only_document(title: str, filename: str, content: bytes, collection_name: str):
    collection = Collection.get_first_root_node().add_child(name=collection_name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)])
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{filename}.txt", ContentFile(content), save=False)
    document.save()
    return document
