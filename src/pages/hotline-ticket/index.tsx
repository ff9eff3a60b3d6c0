// 诉求详情 (?id=): the ticket, its replies, ratings and timeline (who and when), and the steps the caller may take
// (src/components/hotline-ui/ticket-detail.tsx, shared with 诉求分办's detail column on a PC).
import { useRouter } from '@tarojs/taro';
import { TicketView } from '@/components/hotline-ui/ticket-detail';
import { PageShell } from '@/components/page-shell';

export default function HotlineTicketPage() {
  const ticketId = useRouter().params.id ?? '';
  return (
    <PageShell>
      <TicketView ticketId={ticketId} />
    </PageShell>
  );
}
