"""Service requests, the e-Requests the assistant files for the applicant (E1-E3).

A mixin of `ContactCenterStore`, kept apart so each file reads as one subject.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, List, Optional, Union

from sqlalchemy import func, select

from contact_center.rules import RequestType, office_for_receipt
from contact_center.storage.models import SERVICE_REQUEST_PREFIX, ServiceRequest, new_reference
from contact_center.storage.queries import StoreQueries, by_key, by_reference, for_conversation
from contact_center.storage.values import aware, phone_numbers as checked_phone_numbers, receipt


class ServiceRequestMethods(StoreQueries):
    def file_service_request(
        self,
        *,
        idempotency_key: str,
        conversation_id: str,
        request_type: Union[RequestType, str],
        language: str,
        receipt_number: Optional[str] = None,
        applicant_name: Optional[str] = None,
        email: Optional[str] = None,
        phone_numbers: Optional[Iterable[str]] = None,
        details: str = "",
        routed_to: Optional[str] = None,
        now: Optional[datetime] = None,
    ) -> ServiceRequest:
        """E1: file a service request and give it a reference; E2: route it; E3: once only.

        Filing again with the same `idempotency_key` returns the first row, with
        its reference, whatever the other arguments (a retry is the same request).
        `details` is stored exactly as given.
        """
        if not idempotency_key:
            raise ValueError("idempotency_key is required (E3)")
        existing = self.get_service_request_by_key(idempotency_key)
        if existing is not None:
            return existing
        moment = aware(now)
        checked_receipt = receipt(receipt_number)
        values = dict(
            idempotency_key=idempotency_key,
            conversation_id=conversation_id,
            request_type=RequestType(request_type).value,
            receipt_number=checked_receipt,
            language=language,
            applicant_name=applicant_name,
            email=email,
            phone_numbers=checked_phone_numbers(phone_numbers),
            details=details if details is not None else "",
            routed_to=routed_to or office_for_receipt(checked_receipt),
            status="filed",
            created_at=moment,
            updated_at=moment,
        )
        return self._insert_once(
            lambda: ServiceRequest(reference=new_reference(SERVICE_REQUEST_PREFIX), **values),
            lambda: self.get_service_request_by_key(idempotency_key),
        )

    def get_service_request(self, reference: str) -> Optional[ServiceRequest]:
        """By the reference the applicant quotes (any case, spaces or dashes)."""
        return self._one(by_reference(ServiceRequest, reference))

    def get_service_request_by_key(self, key: str) -> Optional[ServiceRequest]:
        return self._one(by_key(ServiceRequest, key))

    def service_requests_for(self, conversation_id: str) -> List[ServiceRequest]:
        return self._all(for_conversation(ServiceRequest, conversation_id))

    def count_service_requests(self, idempotency_key: Optional[str] = None) -> int:
        query = select(func.count(ServiceRequest.id))
        if idempotency_key is not None:
            query = query.where(ServiceRequest.idempotency_key == idempotency_key)
        return self._scalar(query)
